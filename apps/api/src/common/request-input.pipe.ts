import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { refuseBadInput } from './request-input';

/** Registered as APP_PIPE, so it runs on every handler argument before the handler's own pipes. */
@Injectable()
export class RequestInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    refuseBadInput(value, metadata);
    return value;
  }
}
