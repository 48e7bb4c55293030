import { useEffect } from 'react';
import { Card, Tag } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@domain/roles.js';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { GUIDE, ROLE_ANCHORS, type GuideStep } from './guide-content';
import { GUIDE_IMAGES, GUIDE_VIEWPORTS, guideImageUrl, type GuideImage } from './guide-images';

/**
 * "Hướng dẫn sử dụng": opens at the signed-in user's part (its anchor is put in the address, so
 * the back button and a shared link keep it), or at the step another screen linked to.
 */
export default function GuidePage() {
  const me = useSession();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const mine = ROLE_ANCHORS[me.user.role];

  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) {
      navigate({ hash: mine }, { replace: true });
      return;
    }
    document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [location.hash, mine, navigate]);

  return (
    <Card
      title={<h1 style={{ fontSize: 22, margin: '10px 0', whiteSpace: 'normal' }}>Hướng dẫn sử dụng</h1>}
      styles={{ body: { padding: mobile ? 12 : 24 } }}
      className="guide"
    >
      <p>
        Bạn đang dùng DVK với vai trò <b>{ROLE_LABELS[me.user.role]}</b>; phần hướng dẫn cho vai trò này được đánh dấu “Phần của bạn”.
      </p>
      <nav aria-label="Mục lục hướng dẫn">
        <ul className="guide-toc">
          {GUIDE.map((s) => (
            <li key={s.id}>
              <Link to={{ hash: s.id }}>{s.title}</Link>
              {s.id === mine && <Tag color="red">Phần của bạn</Tag>}
            </li>
          ))}
        </ul>
      </nav>
      {GUIDE.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className={`guide-section${s.id === mine ? ' guide-mine' : ''}`}>
          <h2 id={`${s.id}-title`}>
            {s.title} {s.id === mine && <Tag color="red">Phần của bạn</Tag>}
          </h2>
          <p>{s.intro}</p>
          <ol className="guide-steps">
            {s.steps.map((step) => (
              <Step key={step.id} step={step} />
            ))}
          </ol>
        </section>
      ))}
    </Card>
  );
}

function Step({ step }: { step: GuideStep }) {
  return (
    <li id={step.id} className="guide-step">
      <h3>{step.title}</h3>
      {step.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {step.list && (
        <ul>
          {step.list.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {step.image && <Screenshot name={step.image} />}
      {step.see && (
        <p className="guide-see">
          Xem thêm:{' '}
          {step.see.map((s, i) => (
            <span key={s.id}>
              {i > 0 && ', '}
              <Link to={{ hash: s.id }}>{s.label}</Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** The phone picture on a phone, the office screen's elsewhere; the size is known before it loads. */
function Screenshot({ name }: { name: GuideImage }) {
  return (
    <figure className="guide-figure">
      <picture>
        <source
          media="(max-width: 767px)"
          srcSet={guideImageUrl(name, 390)}
          width={GUIDE_VIEWPORTS[390].width}
          height={GUIDE_VIEWPORTS[390].height}
        />
        <img
          src={guideImageUrl(name, 1280)}
          width={GUIDE_VIEWPORTS[1280].width}
          height={GUIDE_VIEWPORTS[1280].height}
          alt={GUIDE_IMAGES[name]}
          loading="lazy"
          decoding="async"
        />
      </picture>
      <figcaption>{GUIDE_IMAGES[name]}</figcaption>
    </figure>
  );
}
