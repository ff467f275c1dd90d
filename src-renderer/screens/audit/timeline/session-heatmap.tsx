/** Sessions by weekday (rows) and UTC hour (columns), from @mantine/charts' MatrixChart. */
import { MatrixChart } from '@mantine/charts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

export function SessionHeatmap({ grid }: { grid: number[][] }) {
  const data = grid.flatMap((row, day) =>
    row.map((value, hour) => ({ x: HOURS[hour]!, y: DAYS[day]!, value: value === 0 ? null : value })),
  );
  return (
    <div data-testid="session-heatmap">
      <MatrixChart
        data={data}
        xLabels={HOURS}
        yLabels={DAYS}
        withXLabels
        withYLabels
        xLabelsRotation={0}
        xLabelsHeight={24}
        yLabelsWidth={40}
        cellSize={18}
        gap={2}
        colors={['orange.1', 'orange.3', 'orange.5', 'orange.7']}
        withTooltip
        getTooltipLabel={(c) => `${c.y} ${c.x}:00 UTC: ${c.value ?? 0} session${c.value === 1 ? '' : 's'}`}
        withLegend
        legendLabels={['Fewer', 'More']}
      />
    </div>
  );
}
