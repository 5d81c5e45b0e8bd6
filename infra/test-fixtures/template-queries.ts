import type { Template } from 'aws-cdk-lib/assertions';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export type Resources = Record<string, CfnResource>;

export function resourcesOf(template: Template, type?: string): Resources {
  const all = template.toJSON().Resources as Resources;
  return Object.fromEntries(Object.entries(all).filter(([, resource]) => !type || resource.Type === type));
}

/** Every logical id a CloudFormation value refers to (`Ref` and `Fn::GetAtt`). */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'Ref' && typeof child === 'string') ids.add(child);
        else if (key === 'Fn::GetAtt' && Array.isArray(child) && typeof child[0] === 'string')
          ids.add(child[0]);
        else visit(child);
      }
    }
  };
  visit(value);
  return ids;
}

/** `METHOD /path` of every API Gateway method, with its authorization scopes. */
export function apiMethods(template: Template): Map<string, string[]> {
  const resources = resourcesOf(template, 'AWS::ApiGateway::Resource');
  const pathOf = (logicalId: string): string => {
    const resource = resources[logicalId];
    if (!resource) return '';
    const parent = resource.Properties?.ParentId as { Ref?: string } | undefined;
    return `${parent?.Ref ? pathOf(parent.Ref) : ''}/${String(resource.Properties?.PathPart)}`;
  };
  const methods = new Map<string, string[]>();
  for (const method of Object.values(resourcesOf(template, 'AWS::ApiGateway::Method'))) {
    const props = method.Properties ?? {};
    const resourceId = props.ResourceId as { Ref?: string };
    const path = resourceId.Ref ? pathOf(resourceId.Ref) : '/';
    methods.set(
      `${String(props.HttpMethod)} ${path}`,
      [...((props.AuthorizationScopes as string[]) ?? [])].sort(),
    );
  }
  return methods;
}
