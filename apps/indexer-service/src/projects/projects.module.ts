import { Module } from '@nestjs/common';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsRpcController } from './projects.rpc-controller.js';
import { ProjectsService } from './projects.service.js';

/** Projects: a tenant's documents (CRUD), whose summary and tags the metadata feature generates. */
@Module({
  controllers: [ProjectsRpcController],
  providers: [{ provide: ProjectsRepository, useValue: new ProjectsRepository() }, ProjectsService],
  exports: [ProjectsRepository],
})
export class ProjectsModule {}
