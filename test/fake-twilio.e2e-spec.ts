import request from 'supertest';
import { FakeTwilio, TWILIO_SID, TWILIO_TOKEN } from './support/fakes/twilio.fake';
import { missingVendorSpec } from './support/openapi';
import { itOrSkip } from './support/skip';

/** The fake must refuse what real Twilio would, or the provider tests prove nothing. */
describe('FakeTwilio', () => {
  let sut: FakeTwilio;
  const path = `/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;

  beforeEach(async () => {
    sut = await FakeTwilio.start();
  });

  afterEach(() => sut.close());

  it('should accept a documented Messages request', async () => {
    await request(sut.url)
      .post(path)
      .set('authorization', auth)
      .type('form')
      .send('To=%2B14155552671&From=%2B15005550006&Body=hi')
      .expect(201);

    expect(sut.problems).toEqual([]);
  });

  it('should refuse wrong credentials, a JSON body and a missing Body', async () => {
    await request(sut.url)
      .post(path)
      .set('authorization', 'Basic eDp5')
      .type('form')
      .send('To=%2B14155552671&From=%2B1500&Body=hi')
      .expect(400);
    await request(sut.url)
      .post(path)
      .set('authorization', auth)
      .send({ To: '+14155552671', From: '+15005550006', Body: 'hi' })
      .expect(400);
    await request(sut.url)
      .post(path)
      .set('authorization', auth)
      .type('form')
      .send('To=%2B14155552671&From=%2B15005550006')
      .expect(400);

    expect(sut.problems).toEqual(
      expect.arrayContaining([
        'Basic auth does not match AccountSid:AuthToken',
        'body must be application/x-www-form-urlencoded',
        'Body is required',
      ]),
    );
  });

  itOrSkip(
    missingVendorSpec('twilio/twilio_api_v2010.json'),
    'should refuse a field the official description does not know',
    async () => {
      await request(sut.url)
        .post(path)
        .set('authorization', auth)
        .type('form')
        .send('To=%2B14155552671&From=%2B15005550006&Body=hi&Bodyy=x')
        .expect(400);

      expect(sut.problems).toEqual(['CreateMessage must NOT have additional properties']);
    },
  );
});
