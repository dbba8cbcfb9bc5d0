import { Module } from '@nestjs/common';

/** HTTP routes of uploads and imports (/api/v1/ingestion/..., /data-ingestion/progress/...). */
@Module({})
export class IngestionGatewayModule {}
