import { All, Controller, Param, Req, Res } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CallbacksService } from './callbacks.service';

/** Route of every vendor callback (controller and route policies agree on it here). */
export const CALLBACK_ROUTE = '/callbacks/:providerId/:kind';

/** Vendors call back here: delivery receipts at `.../status`, documents a call fetches, ... */
@Controller(CALLBACK_ROUTE)
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @All()
  async receive(
    @Param('providerId') providerId: string,
    @Param('kind') kind: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.callbacks.handle(providerId, kind, req);
    await reply.status(200).header('content-type', document.contentType).send(document.body);
  }
}
