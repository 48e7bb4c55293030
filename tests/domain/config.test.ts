import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('DVK_JOB_INTERVAL_SECONDS', () => {
  it('sets how often the scheduled jobs run, 30 s when unset and 0 for never', () => {
    expect(loadConfig({}).jobIntervalSeconds).toBe(30);
    expect(loadConfig({ DVK_JOB_INTERVAL_SECONDS: '300' }).jobIntervalSeconds).toBe(300);
    expect(loadConfig({ DVK_JOB_INTERVAL_SECONDS: '0' }).jobIntervalSeconds).toBe(0);
  });

  it('stops the start with a Vietnamese message on a value that is not whole seconds', () => {
    for (const bad of ['-5', '1.5', 'năm phút']) {
      expect(() => loadConfig({ DVK_JOB_INTERVAL_SECONDS: bad })).toThrow(/DVK_JOB_INTERVAL_SECONDS phải là số giây nguyên/);
    }
  });
});
