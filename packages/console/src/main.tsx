import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { beginSignIn, type ConsoleConfig, completeSignIn, isSignedIn } from './auth';
import './styles.css';

/** Loads the deployment's settings, completes or starts the sign-in, then renders the console. */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const config = (await (await fetch('/console-config.json')).json()) as ConsoleConfig;
  if (window.location.pathname === '/callback') {
    const returnTo = await completeSignIn(config, new URLSearchParams(window.location.search));
    window.history.replaceState(null, '', returnTo);
  }
  if (!isSignedIn()) return beginSignIn(config, window.location.pathname);
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.innerHTML = '';
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The console could not start: ${error instanceof Error ? error.message : String(error)}`;
  root?.append(message);
});
