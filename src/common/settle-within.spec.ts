import { settleWithin } from './settle-within';

describe('settleWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should settle with the work when it comes first, and clear the timer', async () => {
    const late = jest.fn(() => 'late');
    await expect(settleWithin(Promise.resolve('work'), 100, late)).resolves.toBe('work');
    expect(jest.getTimerCount()).toBe(0);
    expect(late).not.toHaveBeenCalled();
  });

  it('should pass the work’s failure through', async () => {
    const failing = Promise.reject(new Error('vendor down'));
    await expect(settleWithin(failing, 100, () => 'late')).rejects.toThrow('vendor down');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('should settle with what late() returns when the work is not done in time', async () => {
    const settled = settleWithin(new Promise<string>(() => undefined), 100, () => 'late');
    jest.advanceTimersByTime(100);
    await expect(settled).resolves.toBe('late');
  });

  it('should reject with what late() throws, and ignore the work settling afterwards', async () => {
    let finish: (value: string) => void = () => undefined;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const settled = settleWithin(work, 100, () => {
      throw new Error('too late');
    });
    jest.advanceTimersByTime(100);
    finish('work');
    await expect(settled).rejects.toThrow('too late');
  });
});
