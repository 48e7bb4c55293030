import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts the dashboards draw, to keep the download small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart that follows its container's size; `onPick` gets the index of a clicked bar or
 * point. A canvas says nothing to a screen reader: `label` names it.
 */
export function Chart({
  label,
  option,
  height = 280,
  onPick,
}: {
  label: string;
  option: echarts.EChartsCoreOption;
  height?: number;
  onPick?: (index: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onPick) return;
    const handler = (p: { dataIndex: number }) => onPick(p.dataIndex);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onPick]);
  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={label} />;
}
