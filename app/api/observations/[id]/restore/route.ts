import { deskRoutes } from '../../../_lib/desk';

export const { restore: POST } = deskRoutes('observation');
