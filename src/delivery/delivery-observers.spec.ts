import { setImmediate as nextTurn } from 'node:timers/promises';
import { DeliveryObservers } from './delivery-observers';
import { NewDeliveryRecord } from './delivery-record.service';

const RECORD = { deliveryId: 'd-1' } as NewDeliveryRecord;

describe(DeliveryObservers.name, () => {
  it('should wait for before-answer observers and tell after-answer ones on the next turn', async () => {
    const told: string[] = [];
    const sut = new DeliveryObservers();
    sut.add({ delivered: () => Promise.resolve(void told.push('index for events')) });
    sut.add({ delivered: () => Promise.resolve(void told.push('search index')) }, 'after-answer');

    await sut.notify(RECORD);
    const whenAnswered = [...told];
    await nextTurn();

    expect(whenAnswered).toEqual(['index for events']);
    expect(told).toEqual(['index for events', 'search index']);
  });

  it('should not fail the delivery when an after-answer observer fails', async () => {
    const sut = new DeliveryObservers();
    sut.add({ delivered: () => Promise.reject(new Error('store down')) }, 'after-answer');
    let later = false;
    sut.add({ delivered: () => Promise.resolve(void (later = true)) }, 'after-answer');

    await expect(sut.notify(RECORD)).resolves.toBeUndefined();
    await nextTurn();
    await nextTurn();

    expect(later).toBe(true);
  });
});
