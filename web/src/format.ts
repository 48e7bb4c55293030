import dayjs from 'dayjs';

/** dd/mm/yyyy, as on every Vietnamese form. */
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format('DD/MM/YYYY') : '—');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('HH:mm DD/MM/YYYY') : '—');
/** 4.110: dot for thousands. */
export const formatNumber = (n: number) => n.toLocaleString('vi-VN');
export const collator = new Intl.Collator('vi');
