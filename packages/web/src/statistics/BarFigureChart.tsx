import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** One bar: its label in the user's language and its value (null: no data, drawn as no bar). */
export interface ChartBar {
  label: string;
  value: number | null;
}

/**
 * A horizontal bar chart (recharts). Decorative for assistive technology: the
 * figure's table beside it (FigureBlock) carries the same numbers (WCAG 1.1.1),
 * so the drawing is hidden from screen readers rather than read twice.
 * Loaded in its own chunk (FigureBlock lazy-loads it): no other route pays for recharts.
 */
export default function BarFigureChart({ bars, format }: { bars: readonly ChartBar[]; format: (value: number) => string }) {
  const data = bars.map((bar) => ({ label: bar.label, value: bar.value ?? 0 }));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 44 * data.length + 40 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 48, top: 8, bottom: 8 }}>
          <CartesianGrid horizontal={false} stroke="#dee2e6" />
          <XAxis type="number" tickFormatter={format} stroke="#495057" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={150} stroke="#495057" tick={{ fontSize: 13 }} />
          <Bar dataKey="value" fill="#1c5fa8" isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={(value) => format(Number(value))} fill="#212529" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
