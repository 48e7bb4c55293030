/** Loading the administrative map and the history of the 2025 reform from the administrator's screen. */
import { z } from 'zod';

export const AdminLoadKind = z.enum(['admin_units', 'admin_history']);

export const StartAdminLoad = z.object({
  kind: AdminLoadKind.describe('admin_units: bản đồ hành chính 2025; admin_history: lịch sử sắp xếp 2025'),
});

export const AdminLoadJob = z.object({
  id: z.uuid(),
  kind: AdminLoadKind,
  state: z.enum(['queued', 'running', 'done', 'failed']),
  stage: z.string().nullable(),
  stageLabel: z.string(),
  rowsRead: z.number().int(),
  unitsWritten: z.number().int(),
  result: z.record(z.string(), z.number()).nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type AdminLoadJob = z.infer<typeof AdminLoadJob>;

export const AdminLoadJobList = z.object({ items: z.array(AdminLoadJob) });

export const ADMIN_LOAD_LABELS: Record<z.infer<typeof AdminLoadKind>, string> = {
  admin_units: 'Nạp bản đồ hành chính',
  admin_history: 'Nạp lịch sử sắp xếp 2025',
};

export const ADMIN_LOAD_STAGES: Record<string, string> = {
  queued: 'Đang chờ',
  start: 'Bắt đầu',
  provinces: 'Tỉnh, thành phố (2025)',
  communes: 'Xã, phường, đặc khu (2025)',
  'old-provinces': 'Tỉnh, thành phố trước 01/7/2025',
  'old-districts': 'Huyện, quận, thị xã trước 01/7/2025',
  'old-communes': 'Xã, phường, thị trấn trước 01/7/2025',
  writing: 'Ghi đơn vị, giai đoạn và quan hệ kế thừa',
  done: 'Đã xong',
  failed: 'Không thành công',
};
