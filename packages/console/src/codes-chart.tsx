import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Units billed per code as a bar chart; the table beside it carries the same numbers for every reader. */
export function CodesChart({ codes }: { codes: { code: string; units: number }[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: codes.map((c) => c.code),
        datasets: [{ label: 'Units', data: codes.map((c) => c.units), backgroundColor: '#0b4f8a' }],
      },
      options: {
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [codes]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={`Units per code: ${codes.map((c) => `${c.code} ${c.units}`).join(', ')}`}
    />
  );
}
