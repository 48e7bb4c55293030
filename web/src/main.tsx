import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import './app.css';

dayjs.locale('vi');

/**
 * A list opened inside a dialog is drawn inside that dialog, so it moves with it: drawn on the page, it
 * stayed where the page was when it opened, and when the page below shifted (a card above finished
 * loading) the list jumped away under the finger between press and release, and the pick was lost.
 */
const popupContainer = (trigger?: HTMLElement) => trigger?.closest<HTMLElement>('.ant-modal-wrap') ?? document.body;

/**
 * antd's defaults for secondary text, placeholders, links, errors and light tags fall below the
 * 4.5:1 contrast WCAG 2.1 AA asks of text: these tokens raise each to at least that on white and
 * on the light greys cards use (#fafafa, #f5f5f5).
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    fontSize: 15,
    borderRadius: 6,
    controlHeight: 36,
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#0958d9',
    colorLinkHover: '#1d39c4',
    colorLinkActive: '#003eb3',
    colorError: '#cf1322',
  },
  components: {
    // The palette's 7th shade is a light tag's text: darker where it is too faint on its own tint.
    Tag: {
      colorSuccess: '#237804',
      colorInfo: '#0958d9',
      colorWarning: '#ad4e00',
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#874d00',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
    },
  },
};

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme} getPopupContainer={popupContainer}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
