import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { ModalTitle } from './ModalTitle';

interface Props {
  open?: boolean;
  /** What the dialog does; `sub`, the record it does it to. */
  title: string;
  sub?: string;
  okText: string;
  onOk: () => void;
  busy: boolean;
  onClose: () => void;
  /** The refusal to show above the form, if any. */
  error?: string | null;
  width?: number;
  /** Whether the form is dropped when the dialog closes (default yes). */
  destroyOnHidden?: boolean;
  children: ReactNode;
}

/**
 * The dialog that saves a form: its title with the record's name, "Hủy" and a busy OK button, the
 * refusal above the form; a click beside it does not close it, so nothing typed is lost.
 */
export function FormModal({ open = true, title, sub, okText, onOk, busy, onClose, error, width, destroyOnHidden = true, children }: Props) {
  return (
    <Modal
      open={open}
      title={<ModalTitle main={title} sub={sub} />}
      okText={okText}
      cancelText="Hủy"
      onOk={onOk}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden={destroyOnHidden}
      maskClosable={false}
      {...(width ? { width } : {})}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  );
}
