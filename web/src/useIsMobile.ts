import { Grid } from 'antd';

/** Phones and narrow windows: below the md breakpoint (768 px). */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
