import {
  BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { missingPeriods, type ChartLine } from './series';

// Only what these charts draw, so the rest of chart.js is left out of the bundle.
ChartJs.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Each line differs in colour, dash pattern and point shape, so lines can be told apart without
 * seeing colour. The colours meet 3:1 against white (WCAG 1.4.11).
 */
export const lineStyles = [
  { color: '#0b4f8a', dash: [] as number[], point: 'circle' as const },
  { color: '#b43c00', dash: [8, 4], point: 'triangle' as const },
  { color: '#1d6b36', dash: [2, 3], point: 'rectRot' as const },
] as const;

/**
 * Writes the missing-figure text, upright, where a period has no figure, so an absent bar or a gap in a line is not
 * read as zero. Zero bars get a sliver (`minBarLength`), so 0 and "no figure" look different.
 */
function missingLabels(text: string, periods: number[]): Plugin<'line' | 'bar'> {
  return {
    id: 'missingLabels',
    afterDatasetsDraw(chart) {
      if (periods.length === 0) return;
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      ctx.fillStyle = '#4f5963';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const index of periods) {
        ctx.save();
        ctx.translate(x.getPixelForValue(index), chartArea.bottom - 6);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(text, 0, 0);
        ctx.restore();
      }
      ctx.restore();
    },
  };
}

/**
 * A chart.js chart on a canvas. The canvas is one image to assistive technology (role img and a
 * summary as its label); the numbers themselves are in the table that goes with every chart.
 */
export function Chart({ type, labels, lines, label, yTitle, locale, missing }: {
  type: 'line' | 'bar';
  labels: string[];
  lines: ChartLine[];
  label: string;
  yTitle: string;
  locale: string;
  /** Written where a period has no figure ("inga uppgifter"). */
  missing: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    // Counts get whole-number ticks; rates keep their decimals.
    const whole = lines.every((line) => line.values.every((value) => value === null || Number.isInteger(value)));
    const config: ChartConfiguration<'line' | 'bar', (number | null)[], string> = {
      type,
      data: {
        labels,
        datasets: lines.map((line, index) => {
          const style = lineStyles[index % lineStyles.length]!;
          return {
            label: line.label,
            data: line.values,
            borderColor: style.color,
            backgroundColor: style.color,
            borderDash: style.dash,
            pointStyle: style.point,
            pointRadius: 4,
            borderWidth: 2,
            spanGaps: false,
            ...(type === 'bar' ? { minBarLength: 2 } : {}),
          };
        }),
      },
      options: {
        locale,
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { ticks: { color: '#1b1f24', autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, title: { display: true, text: yTitle, color: '#1b1f24' }, ticks: { color: '#1b1f24', ...(whole ? { precision: 0 } : {}) } },
        },
        plugins: {
          legend: { display: lines.length > 1, labels: { color: '#1b1f24', usePointStyle: true } },
          tooltip: { enabled: true },
        },
      },
      plugins: [missingLabels(missing, missingPeriods(lines, labels.length))],
    };
    const chart = new ChartJs(context, config);
    return () => chart.destroy();
  }, [type, labels, lines, yTitle, locale, missing]);

  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
