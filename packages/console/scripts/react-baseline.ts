import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// The smallest React app: what every React console pays before its own code.
const root = document.getElementById('root');
if (root) createRoot(root).render(createElement('p', null, 'Carelink'));
