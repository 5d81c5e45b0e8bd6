import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export interface ManagedPolicyRoleProps {
  readonly assumedBy: iam.IPrincipal;
  readonly description: string;
}

/**
 * A role whose every grant lands in one customer-managed policy attached to this role only, instead
 * of CDK's inline default policy. Managed policies are versioned and auditable on their own (HIPAA
 * "no inline policies"), and the policy is still scoped to exactly this role's needs.
 */
export class ManagedPolicyRole extends iam.Role {
  private managedPolicy: iam.ManagedPolicy | undefined;

  constructor(scope: Construct, id: string, props: ManagedPolicyRoleProps) {
    super(scope, id, { assumedBy: props.assumedBy, description: props.description });
  }

  /** The role's own policy (created on the first grant). */
  get policy(): iam.ManagedPolicy | undefined {
    return this.managedPolicy;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    if (!this.managedPolicy) {
      this.managedPolicy = new iam.ManagedPolicy(this, 'Policy', {
        description: `Permissions of ${this.node.path}`,
        roles: [this],
      });
    }
    this.managedPolicy.addStatements(statement);
    return { statementAdded: true, policyDependable: this.managedPolicy };
  }
}
