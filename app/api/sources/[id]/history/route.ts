import { deskRoutes } from '../../../_lib/desk';

export const { history: GET } = deskRoutes('source');
