/** Who may start AI fitment jobs and exports; the gateway checks too, a service trusts no caller. */
export const SUBMITTER_ROLES = ['admin', 'operator', 'reviewer'];
/** Who may approve, reject and edit fitments. */
export const REVIEWER_ROLES = ['admin', 'reviewer'];
