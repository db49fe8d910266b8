import { reviewRoute } from '../_lib/desk';
import { methods } from '../_lib/methods';

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: reviewRoute });
