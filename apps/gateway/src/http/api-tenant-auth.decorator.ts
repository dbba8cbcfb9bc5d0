import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';

/** The OpenAPI document's word on a tenant's route: a Bearer token and the `X-Tenant-ID` it acts for. */
export function ApiTenantAuth(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'X-Tenant-ID',
      required: true,
      description: "Tenant the request acts for; must be one of the token's tenants",
    }),
  );
}
