import { Module } from '@nestjs/common';

/** Uploads and streaming procurement/product imports. */
@Module({})
export class ImportsModule {}
