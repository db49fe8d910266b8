export { reviewRoute as GET } from '../_lib/desk';
