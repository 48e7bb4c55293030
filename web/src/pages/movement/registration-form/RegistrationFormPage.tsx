import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EarlierRegistration, Registration } from '@domain/movement-schemas.js';
import { errorText, get, patch, post } from '../../../api';
import { useAction } from '../../../components/useAction';
import { useIsMobile } from '../../../useIsMobile';
import { useSession } from '../../../session';
import { ContentSection, ResourcesSection } from './ContentSection';
import { CriteriaSection } from './CriteriaSection';
import { GeneralSection } from './GeneralSection';
import { OriginSection } from './OriginSection';
import { createRequest, newRegistrationValues, recordToValues, updateRequest, type RegistrationValues } from './values';

/** Registers a model or exemplar (`/mo-hinh/dang-ky`) or edits one (`/mo-hinh/:id/sua`). */
export default function RegistrationFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const me = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrationValues>();
  const existing = useQuery({ queryKey: ['registration', id], queryFn: () => get<Registration>(`/registrations/${id}`), enabled: editing });

  // What the re-registration check showed; saved with the registration for the appraiser.
  const [shown, setShown] = useState<EarlierRegistration[]>([]);
  const [pickedOrigin, setPickedOrigin] = useState<EarlierRegistration | null>(null);
  const rememberShown = useCallback(
    (items: EarlierRegistration[]) =>
      setShown((prev) => {
        const fresh = items.filter((i) => !prev.some((p) => p.id === i.id));
        return fresh.length ? [...prev, ...fresh] : prev;
      }),
    [],
  );

  useEffect(() => {
    if (!editing) form.setFieldsValue(newRegistrationValues());
    else if (existing.data) form.setFieldsValue(recordToValues(existing.data));
  }, [editing, existing.data, form]);

  const save = useAction(
    (v: RegistrationValues, opts) => {
      const seen = shown.map((x) => x.id);
      return editing
        ? patch<Registration>(`/registrations/${id}`, updateRequest(v, seen, existing.data!.version), opts)
        : post<Registration>('/registrations', createRequest(v, seen), opts);
    },
    {
      fallback: 'Chưa lưu được. Vui lòng thử lại.',
      onStale: () => existing.refetch(),
      onError: () => window.scrollTo({ top: 0, behavior: 'smooth' }),
      onSuccess: async (saved) => {
        queryClient.setQueryData(['registration', saved.id], saved);
        await queryClient.invalidateQueries({ queryKey: ['registrations'] });
        message.success(editing ? 'Đã lưu thay đổi.' : 'Đã lưu bản đăng ký (bản nháp). Kiểm tra lại rồi bấm “Gửi đăng ký”.');
        navigate(`/mo-hinh/${saved.id}`, { replace: editing });
      },
    },
  );
  async function submit() {
    const v = await form.validateFields().catch(() => null);
    if (v) await save.run(v);
  }

  if (editing && existing.error) return <Alert type="error" showIcon title={errorText(existing.error, 'Không tải được hồ sơ.')} />;
  if (editing && !existing.data) return <Card loading />;
  const back = () => navigate(editing ? `/mo-hinh/${id}` : '/mo-hinh');
  // Opened by its address by someone who may not write it: say so, rather than a form that cannot be saved.
  const refusal = editing
    ? !existing.data!.actions.includes('update') &&
      'Hồ sơ này hiện không sửa được: chỉ sửa bản nháp hoặc hồ sơ bị trả lại, trong phạm vi nhập liệu của bạn.'
    : !me.canCreate.registration && 'Tài khoản của bạn không đăng ký mô hình, điển hình (chỉ xem).';
  if (refusal)
    return (
      <div className="page-form">
        <Button size={mobile ? 'large' : 'middle'} icon={<ArrowLeftOutlined />} onClick={back} style={{ marginBottom: 8 }}>
          {editing ? 'Về hồ sơ' : 'Về danh sách'}
        </Button>
        <Alert type="info" showIcon title={refusal} />
      </div>
    );

  return (
    <div className="page-form">
      <Button size={mobile ? 'large' : 'middle'} icon={<ArrowLeftOutlined />} onClick={back} style={{ marginBottom: 8 }}>
        {editing ? 'Về hồ sơ' : 'Về danh sách'}
      </Button>
      <h2 className="page-title">{editing ? 'Sửa đăng ký mô hình, điển hình' : 'Đăng ký mô hình, điển hình'}</h2>
      {save.error && <Alert type="error" showIcon title={save.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="registration-form" scrollToFirstError>
        <GeneralSection
          form={form}
          existing={existing.data}
          mobile={mobile}
          onShown={rememberShown}
          onConsolidate={(e) => {
            setPickedOrigin(e);
            form.setFieldsValue({ origin: 'consolidation', originId: e.id });
            message.info(`Đã chọn củng cố mô hình “${e.title}” (năm ${e.year}).`);
          }}
        />
        <OriginSection form={form} existing={existing.data} pickedOrigin={pickedOrigin} />
        <ContentSection existing={existing.data} />
        <ResourcesSection />
        <CriteriaSection form={form} />
        <div className="button-row gap-below-24">
          <Button type="primary" size="large" loading={save.busy} onClick={() => void submit()}>
            {editing ? 'Lưu thay đổi' : 'Lưu bản đăng ký'}
          </Button>
          <Button size="large" onClick={back}>
            Hủy
          </Button>
        </div>
      </Form>
    </div>
  );
}
