import { Col, Form, Input, InputNumber, Row } from 'antd';
import { RegistrationInput, type Registration } from '@domain/movement-schemas.js';
import { maxRule } from '../../../components/limits';
import { UnitPicker } from '../../../components/UnitPicker';
import { HALF, Section } from './Section';
import { thousands } from './values';

const F = RegistrationInput.shape;

/** 3. The content: problem, purpose, forces, targets, solutions, place. */
export function ContentSection({ existing }: { existing: Registration | undefined }) {
  return (
    <Section title="3. Nội dung">
      <Form.Item label="Thực trạng, vấn đề cần giải quyết" name="problem" rules={[maxRule(F.problem)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label="Mục đích" name="purpose" rules={[maxRule(F.purpose)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label="Lực lượng tham gia" name="forces" rules={[maxRule(F.forces)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
      <Form.Item label="Đối tượng tác động" name="targets" rules={[maxRule(F.targets)]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
      </Form.Item>
      <Form.Item label="Giải pháp, cách làm" name="solutions" rules={[maxRule(F.solutions)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...HALF}>
          <Form.Item label="Địa bàn thực hiện" name="placeUnitId">
            <UnitPicker allowClear placeholder="Không bắt buộc; gõ tên đơn vị…" initialLabel={existing?.placeUnit?.name} />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item label="Địa chỉ cụ thể" name="placeAddress" rules={[maxRule(F.placeAddress)]}>
            <Input placeholder="Không bắt buộc" />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 4. The planned resources: funds, workdays, others. */
export function ResourcesSection() {
  return (
    <Section title="4. Nguồn lực dự kiến">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Kinh phí (đồng)" name="plannedFundsVnd">
            <InputNumber min={0} style={{ width: '100%' }} {...thousands} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Ngày công" name="plannedWorkdays">
            <InputNumber min={0} style={{ width: '100%' }} {...thousands} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Nguồn lực khác" name="plannedOther" rules={[maxRule(F.plannedOther)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
