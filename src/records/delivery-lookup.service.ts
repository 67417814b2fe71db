import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { StoreUnavailableError } from '../store/key-value-store';
import { DeliveryRecord } from '../delivery/delivery-record';
import { DeliveryRecordService } from '../delivery/delivery-record.service';

/** Ids we ever hand out: vendor ids and UUIDs. Anything else is unknown without a store lookup. */
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `GET /deliveries/:id`: the record, 404 when unknown, 503 while the store is down. */
@Injectable()
export class DeliveryLookupService {
  constructor(private readonly records: DeliveryRecordService) {}

  async get(id: string): Promise<DeliveryRecord> {
    if (!ID.test(id)) throw new ApiError(ApiErrorCode.NotFound);
    let record: DeliveryRecord | undefined;
    try {
      record = await this.records.find(id);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new ApiError(ApiErrorCode.StoreUnavailable);
      throw error;
    }
    if (!record) throw new ApiError(ApiErrorCode.NotFound);
    return record;
  }
}
