/** A modal title that never runs under the close button; the record's name on its own line. */
export function ModalTitle({ main, sub }: { main: string; sub?: string }) {
  return (
    <div className="modal-title">
      {main}
      {sub && <span className="modal-title-sub">{sub}</span>}
    </div>
  );
}
