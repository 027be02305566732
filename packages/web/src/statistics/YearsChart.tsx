import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** One line of the year-over-year chart: its label and a value per year (null: not computed, a gap). */
export interface YearSeries {
  key: string;
  label: string;
  values: (number | null)[];
}

// Distinct at 3:1 against white and against each other (WCAG 1.4.11), and told apart by dash pattern too.
const LINES = [
  { stroke: '#1c5fa8', dash: undefined },
  { stroke: '#b35900', dash: '6 3' },
  { stroke: '#2b8a3e', dash: '2 3' },
] as const;

/**
 * Figures over years (recharts line chart). Hidden from assistive technology:
 * the table beside it gives every number (WCAG 1.1.1). Its own chunk, lazily loaded.
 */
export default function YearsChart({
  years,
  series,
  format,
}: {
  years: readonly number[];
  series: readonly YearSeries[];
  format: (value: number) => string;
}) {
  const data = years.map((year, i) => Object.fromEntries([['year', String(year)], ...series.map((s) => [s.key, s.values[i]])]));
  return (
    <div aria-hidden="true" style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid stroke="#dee2e6" />
          <XAxis dataKey="year" stroke="#495057" />
          <YAxis tickFormatter={format} stroke="#495057" allowDecimals={false} />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={LINES[i % LINES.length]!.stroke}
              strokeDasharray={LINES[i % LINES.length]!.dash}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
