import { Module } from '@nestjs/common';
import { ProductMetadataController } from './product-metadata.controller.js';
import { ProjectMetadataController } from './project-metadata.controller.js';
import { ProjectsController } from './projects.controller.js';

/**
 * HTTP routes of projects (/api/v1/projects), their metadata (and the seed's generate_metadata path) and the
 * metadata of catalog products.
 */
@Module({ controllers: [ProjectsController, ProjectMetadataController, ProductMetadataController] })
export class ProjectsGatewayModule {}
