/**
 * Who reads the audit trail, from their token only: a compliance user sees their tenant's records
 * and, when their token names a practice, only the records of requests made by that practice's
 * staff. Records of partner clients (which act for the whole tenant) are seen by tenant-level
 * compliance users, whose tokens carry no practice.
 */
export interface AuditViewer {
  tenantId: string;
  practiceId?: string | undefined;
}
