/** Route of Okta's telephony inline hook (controller, route policies and metrics agree on it here). */
export const TELEPHONY_HOOK_ROUTE = '/hooks/okta/telephony';
