import { Col, Form, Input, Row } from 'antd';
import { RegistrationInput, type Registration } from '@domain/movement-schemas.js';
import { maxRule } from '../../../components/limits';
import { MoneyInput } from '../../../components/MoneyInput';
import { UnitPicker } from '../../../components/UnitPicker';
import { HALF, Section } from './Section';

const F = RegistrationInput.shape;

/** The content's texts: the field, its label, and the lines its box shows at least and at most. */
const CONTENT = [
  ['problem', 'Thực trạng, vấn đề cần giải quyết', 2, 8],
  ['purpose', 'Mục đích', 2, 8],
  ['forces', 'Lực lượng tham gia', 1, 6],
  ['targets', 'Đối tượng tác động', 1, 6],
  ['solutions', 'Giải pháp, cách làm', 2, 10],
] as const;

/** 3. The content: problem, purpose, forces, targets, solutions, place. */
export function ContentSection({ existing }: { existing: Registration | undefined }) {
  return (
    <Section title="3. Nội dung">
      {CONTENT.map(([name, label, minRows, maxRows]) => (
        <Form.Item key={name} label={label} name={name} rules={[maxRule(F[name])]}>
          <Input.TextArea autoSize={{ minRows, maxRows }} />
        </Form.Item>
      ))}
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
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Ngày công" name="plannedWorkdays">
            <MoneyInput />
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
