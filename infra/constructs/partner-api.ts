import { type ProblemType, problem, type RouteContract } from '@carelink/contracts';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import * as z from 'zod/mini';
import type { StageConfig } from '../config/stages';
import { pascalCase } from './naming';
import { loggedWebAcl } from './web-acl';

export interface PartnerApiProps {
  readonly stage: StageConfig;
  readonly userPool: cognito.IUserPool;
  /** Identifier of the Cognito resource server; token scopes are `<identifier>/<scope>`. */
  readonly resourceServerIdentifier: string;
  readonly key: kms.IKey;
}

/** The physical names of the REST API and its stage, known before either exists. */
export interface ApiNames {
  readonly restApiName: string;
  readonly stageName: string;
}

export function apiNames(stage: Pick<StageConfig, 'name'>): ApiNames {
  return { restApiName: `carelink-${stage.name}`, stageName: stage.name };
}

/**
 * 5xx answers of one method (per-method metrics are enabled on the stage). Built from names only, so
 * a service stack can alarm on its methods without referencing the API stack, which depends on it.
 */
export function apiMethod5xxMetric(
  api: ApiNames,
  route: Pick<RouteContract, 'method' | 'path'>,
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/ApiGateway',
    metricName: '5XXError',
    dimensionsMap: {
      ApiName: api.restApiName,
      Method: route.method,
      Resource: route.path,
      Stage: api.stageName,
    },
    statistic: 'Sum',
    period: Duration.minutes(5),
  });
}

/**
 * What API Gateway answers when it refuses a request itself, as problem details of the same types the
 * handlers use. Every 4xx type this API can produce is listed, so `DEFAULT_4XX` is left with request
 * validation failures (missing path, query or header parameters), which the handlers also answer as
 * `validation-failed`. A `statusCode` is set where the answer's status differs from API Gateway's.
 */
export const gatewayProblems: readonly {
  readonly type: apigateway.ResponseType;
  readonly problem: ProblemType;
  readonly overrideStatus?: boolean;
}[] = [
  { type: apigateway.ResponseType.UNAUTHORIZED, problem: 'unauthorized' },
  { type: apigateway.ResponseType.ACCESS_DENIED, problem: 'forbidden' },
  { type: apigateway.ResponseType.INVALID_API_KEY, problem: 'forbidden' },
  { type: apigateway.ResponseType.WAF_FILTERED, problem: 'forbidden' },
  { type: apigateway.ResponseType.EXPIRED_TOKEN, problem: 'forbidden' },
  { type: apigateway.ResponseType.INVALID_SIGNATURE, problem: 'forbidden' },
  // A path or method the API does not define.
  { type: apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN, problem: 'not-found', overrideStatus: true },
  { type: apigateway.ResponseType.RESOURCE_NOT_FOUND, problem: 'not-found' },
  { type: apigateway.ResponseType.THROTTLED, problem: 'too-many-requests' },
  { type: apigateway.ResponseType.QUOTA_EXCEEDED, problem: 'too-many-requests' },
  { type: apigateway.ResponseType.REQUEST_TOO_LARGE, problem: 'payload-too-large' },
  { type: apigateway.ResponseType.UNSUPPORTED_MEDIA_TYPE, problem: 'unsupported-media-type' },
  { type: apigateway.ResponseType.DEFAULT_4XX, problem: 'validation-failed', overrideStatus: true },
  { type: apigateway.ResponseType.INTEGRATION_TIMEOUT, problem: 'unavailable', overrideStatus: true },
  { type: apigateway.ResponseType.INTEGRATION_FAILURE, problem: 'unavailable', overrideStatus: true },
  { type: apigateway.ResponseType.DEFAULT_5XX, problem: 'internal', overrideStatus: true },
];

/** The problem+json body of a gateway response; `$context.requestId` is substituted by API Gateway. */
export function gatewayProblemBody(type: ProblemType): string {
  return JSON.stringify(problem(type, { correlationId: '$context.requestId' }));
}

/** Path parameters of an API Gateway path, e.g. `/v1/referrals/{referralId}` → `referralId`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1] as string);
}

/**
 * The one REST API of Carelink: Cognito authorizer with per-method scopes, request validation, JSON
 * access logs and error-level execution logs (no bodies) to KMS-encrypted log groups, X-Ray, stage
 * throttling, a usage plan and API key per partner, and AWS WAF in front of the stage.
 */
export class PartnerApi extends Construct {
  readonly restApi: apigateway.RestApi;
  readonly authorizer: apigateway.CognitoUserPoolsAuthorizer;
  readonly webAcl: wafv2.CfnWebACL;
  private readonly validator: apigateway.RequestValidator;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: PartnerApiProps,
  ) {
    super(scope, id);
    const { stage } = props;
    const removalPolicy = stage.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: stage.logRetentionDays as logs.RetentionDays,
      encryptionKey: props.key,
      removalPolicy,
    });

    this.restApi = new apigateway.RestApi(this, 'Api', {
      restApiName: apiNames(stage).restApiName,
      description: 'Carelink partner and staff API',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // API Gateway writes execution and access logs through one account-level role.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: apiNames(stage).stageName,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        throttlingRateLimit: stage.apiThrottle.rateLimit,
        throttlingBurstLimit: stage.apiThrottle.burstLimit,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
    });

    this.authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [props.userPool],
      authorizerName: 'carelink-cognito',
      resultsCacheTtl: Duration.minutes(5),
    });

    this.validator = new apigateway.RequestValidator(this, 'Validator', {
      restApi: this.restApi,
      requestValidatorName: 'parameters-and-body',
      validateRequestParameters: true,
      validateRequestBody: true,
    });

    this.webAcl = this.createWebAcl(removalPolicy);

    for (const { type, problem: problemType, overrideStatus } of gatewayProblems) {
      const status = String(problem(problemType).status);
      this.restApi.addGatewayResponse(`Problem${pascalCase(type.responseType)}`, {
        type,
        ...(overrideStatus ? { statusCode: status } : {}),
        responseHeaders: { 'Content-Type': "'application/problem+json'" },
        templates: { 'application/json': gatewayProblemBody(problemType) },
      });
    }

    const cfnStage = this.restApi.deploymentStage.node.defaultChild as apigateway.CfnStage;
    Validations.of(cfnStage).acknowledge(
      {
        id: 'HIPAA.Security-APIGWCacheEnabledAndEncrypted',
        reason:
          'Responses are tenant-scoped and contain PHI, so they are never cached: no cache cluster is provisioned and there is no cached data at rest to encrypt.',
      },
      {
        id: 'HIPAA.Security-APIGWSSLEnabled',
        reason:
          'Stage client certificates authenticate API Gateway to HTTP backends; every integration is a Lambda proxy invoked over the AWS API with IAM, so a certificate would never be presented.',
      },
    );
    const cloudWatchRole = this.restApi.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'This is the account-level role API Gateway assumes to write execution and access logs; AWS documents this managed policy for it and it grants CloudWatch Logs actions only.',
      });
    }
  }

  /** The token scope API Gateway checks for a contract scope. */
  tokenScope(scope: string): string {
    return `${this.props.resourceServerIdentifier}/${scope}`;
  }

  /**
   * Adds one contract route with a Lambda proxy integration. API Gateway admits a token holding any
   * of the listed scopes; the handler then requires all of them, as the contract says.
   */
  addRoute(route: RouteContract, handler: lambda.IFunction): apigateway.Method {
    const resource = this.restApi.root.resourceForPath(route.path);
    const requestParameters: Record<string, boolean> = {};
    for (const name of pathParameters(route.path)) requestParameters[`method.request.path.${name}`] = true;
    for (const [name, schema] of Object.entries(route.query?.shape ?? {})) {
      requestParameters[`method.request.querystring.${name}`] = !z.safeParse(schema, undefined).success;
    }
    if (route.idempotent) requestParameters['method.request.header.Idempotency-Key'] = true;
    if (route.requiresIfMatch) requestParameters['method.request.header.If-Match'] = true;

    // No test-invoke permission: a console test invocation skips the authorizer.
    const integration = new apigateway.LambdaIntegration(handler, { proxy: true, allowTestInvoke: false });
    return resource.addMethod(route.method, integration, {
      operationName: route.operationId,
      authorizationType: apigateway.AuthorizationType.COGNITO,
      authorizer: this.authorizer,
      authorizationScopes: route.scopes.map((scope) => this.tokenScope(scope)),
      requestValidator: this.validator,
      requestParameters,
    });
  }

  private createWebAcl(removalPolicy: RemovalPolicy): wafv2.CfnWebACL {
    const { stage } = this.props;
    const webAcl = loggedWebAcl(this, {
      name: `carelink-${stage.name}-api`,
      scope: 'REGIONAL',
      stage,
      key: this.props.key,
      removalPolicy,
      logGroupName: `aws-waf-logs-carelink-${stage.name}`,
      // Tokens and API keys never reach the logs.
      redactedHeaders: ['authorization', 'x-api-key'],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.restApi.deploymentStage.stageArn,
      webAclArn: webAcl.attrArn,
    });
    return webAcl;
  }
}
