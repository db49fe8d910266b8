import { deskRoutes } from '../../../_lib/desk';

export const { publish: POST } = deskRoutes('port');
