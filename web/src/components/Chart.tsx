import { useEffect, useRef, useState } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts the dashboards draw, to keep the download small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart that follows its container's size; `onPick` gets the index of a clicked bar or
 * point. `option` may be a function of the chart's width in pixels, so labels can wrap on a desk and
 * turn or shorten on a phone (`barOption`). A canvas says nothing to a screen reader: `label` names it.
 */
export function Chart({
  label,
  option,
  height = 280,
  onPick,
}: {
  label: string;
  option: ChartOption | ((width: number) => ChartOption);
  height?: number;
  onPick?: (index: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!ref.current) return;
    const el = ref.current;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    setWidth(el.clientWidth);
    const resize = new ResizeObserver(() => {
      c.resize();
      setWidth(el.clientWidth);
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (!width) return;
    chart.current?.setOption(typeof option === 'function' ? option(width) : option, true);
  }, [option, width]);
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

/** Lines of a horizontal bar chart's label (a long unit name wraps onto a second line). */
export const BAR_ROW_HEIGHT = 34;

/**
 * A bar chart whose category labels never overlap nor cut: beside horizontal bars they wrap within
 * a share of the width; under vertical bars they wrap when each bar has room, and otherwise turn and
 * end with "…". The tooltip always gives the full name.
 */
export function barOption(labels: string[], values: number[], horizontal: boolean, width: number, colour: string): ChartOption {
  const val = { type: 'value', minInterval: 1 };
  const tooltip = { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } };
  const series = [
    { type: 'bar', data: values, color: colour, label: { show: true, position: horizontal ? 'right' : 'top' }, cursor: 'pointer' },
  ];
  if (horizontal) {
    const labelWidth = Math.round(Math.min(260, Math.max(96, width * 0.38)));
    const cat = { type: 'category', data: labels, axisLabel: { width: labelWidth, overflow: 'break', lineHeight: 14, interval: 0 } };
    return { grid: { left: labelWidth + 12, right: 40, top: 8, bottom: 24 }, tooltip, xAxis: val, yAxis: cat, series };
  }
  const slot = (width - 64) / Math.max(1, labels.length);
  const roomy = slot >= 72;
  const axisLabel = roomy
    ? { width: Math.floor(slot - 8), overflow: 'break', lineHeight: 14, interval: 0 }
    : { width: 96, overflow: 'truncate', ellipsis: '…', rotate: 40, interval: 0 };
  return {
    grid: { left: 40, right: 16, top: 24, bottom: roomy ? 56 : 80 },
    tooltip,
    xAxis: { type: 'category', data: labels, axisLabel },
    yAxis: val,
    series,
  };
}
