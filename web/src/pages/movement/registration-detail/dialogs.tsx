import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Registration } from '@domain/movement-schemas.js';
import { AcceptModal, ReasonModal, SupporterModal } from '../TransitionModals';
import { InspectionModal } from '../InspectionModal';
import { CommendationModal, ProposalModal } from '../CommendationModals';

export type Dialog = 'return' | 'reject' | 'discontinue' | 'accept' | 'supporter' | 'inspect' | 'commend' | 'propose';

/** The open dialog of the record page; each closes itself and says what was done. */
export function Dialogs(props: {
  dialog: Dialog | null;
  r: Registration;
  onClose: () => void;
  onChanged: (next?: Registration) => Promise<void>;
  onStale: () => void;
}) {
  const { dialog, r, onClose, onChanged, onStale } = props;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const done = async (text: string, next?: Registration) => {
    onClose();
    message.success(text);
    await onChanged(next);
  };
  /** For a dialog that writes beside the record: closes it, says what was done and reloads the list it changed. */
  const noted = async (text: string, reload?: string) => {
    onClose();
    message.success(text);
    if (reload) await queryClient.invalidateQueries({ queryKey: [reload, r.id] });
  };
  switch (dialog) {
    case 'return':
    case 'reject':
    case 'discontinue':
      return <ReasonModal registration={r} action={dialog} onClose={onClose} onDone={(next, text) => done(text, next)} onStale={onStale} />;
    case 'accept':
      return <AcceptModal registration={r} onClose={onClose} onDone={(next) => done('Đã chấp thuận đăng ký.', next)} onStale={onStale} />;
    case 'supporter':
      return (
        <SupporterModal registration={r} onClose={onClose} onDone={(next) => done('Đã phân công cán bộ hỗ trợ.', next)} onStale={onStale} />
      );
    case 'inspect':
      return (
        <InspectionModal
          registration={r}
          onClose={async () => {
            onClose();
            await queryClient.invalidateQueries({ queryKey: ['inspections', r.id] });
          }}
        />
      );
    case 'commend':
      return <CommendationModal registration={r} onClose={onClose} onDone={() => noted('Đã ghi nhận khen thưởng.', 'commendations')} />;
    case 'propose':
      return <ProposalModal registration={r} onClose={onClose} onDone={() => noted('Đã gửi đề nghị lên cấp trên.')} />;
    default:
      return null;
  }
}
