import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { refuseUnstorableText } from './storable-text.js';

/**
 * Refuses, with a 400 naming each field, strings of a body (JSON, or a form's fields) that no service can store:
 * a NUL character (`\u0000`) or a lone surrogate. Runs before validation. The query and the path are checked for
 * every route by StorableTextInterceptor, file names where the file is taken (fileNameRefusal).
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body') refuseUnstorableText(value, metadata.data ?? '');
    return value;
  }
}
