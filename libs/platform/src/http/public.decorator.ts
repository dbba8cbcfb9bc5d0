import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'torque:public';

/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
