import { handleAuthorizationServerRequest } from '@/lib/oidc/handle-request';

// oidc-provider needs Node (not Edge) and answers per request.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handleAuthorizationServerRequest;
export const POST = handleAuthorizationServerRequest;
export const PUT = handleAuthorizationServerRequest;
export const PATCH = handleAuthorizationServerRequest;
export const DELETE = handleAuthorizationServerRequest;
export const HEAD = handleAuthorizationServerRequest;
export const OPTIONS = handleAuthorizationServerRequest;
