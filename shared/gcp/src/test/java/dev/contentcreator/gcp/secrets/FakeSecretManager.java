package dev.contentcreator.gcp.secrets;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Secret Manager has no emulator: this speaks the four calls the adapter makes of its v1 gRPC
 * service (the real request and answer messages, in process), keeping secrets in memory, checking
 * each version's CRC32C as the service does, and recording every request.
 */
final class FakeSecretManager implements AutoCloseable {
  private static final String SERVICE = "google.cloud.secretmanager.v1.SecretManagerService";

  private final Map<String, List<SecretPayload>> secrets = new ConcurrentHashMap<>();
  final List<Message> requests = new CopyOnWriteArrayList<>();
  private final String name = InProcessServerBuilder.generateName();
  private final Server server;
  private final ManagedChannel channel;

  FakeSecretManager() throws IOException {
    ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
        .addMethod(method("CreateSecret", CreateSecretRequest.getDefaultInstance(), Secret.getDefaultInstance()),
            unary(this::create))
        .addMethod(method("AddSecretVersion", AddSecretVersionRequest.getDefaultInstance(),
            SecretVersion.getDefaultInstance()), unary(this::add))
        .addMethod(method("AccessSecretVersion", AccessSecretVersionRequest.getDefaultInstance(),
            AccessSecretVersionResponse.getDefaultInstance()), unary(this::access))
        .addMethod(method("DeleteSecret", DeleteSecretRequest.getDefaultInstance(), Empty.getDefaultInstance()),
            unary(this::delete))
        .build();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  SecretManagerServiceClient client() throws IOException {
    return SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
        .build());
  }

  private static <Q extends Message, A extends Message> MethodDescriptor<Q, A> method(String name, Q request,
      A answer) {
    return MethodDescriptor.<Q, A>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request)).setResponseMarshaller(ProtoUtils.marshaller(answer))
        .build();
  }

  private <Q extends Message, A extends Message> io.grpc.ServerCallHandler<Q, A> unary(Function<Q, A> handle) {
    return ServerCalls.asyncUnaryCall((request, observer) -> {
      requests.add(request);
      try {
        observer.onNext(handle.apply(request));
        observer.onCompleted();
      } catch (io.grpc.StatusRuntimeException e) {
        observer.onError(e);
      }
    });
  }

  private Secret create(CreateSecretRequest r) {
    String secret = r.getParent() + "/secrets/" + r.getSecretId();
    if (secrets.putIfAbsent(secret, new CopyOnWriteArrayList<>()) != null) {
      throw Status.ALREADY_EXISTS.withDescription("Secret [" + secret + "] already exists.").asRuntimeException();
    }
    return r.getSecret().toBuilder().setName(secret).build();
  }

  private SecretVersion add(AddSecretVersionRequest r) {
    List<SecretPayload> versions = secrets.get(r.getParent());
    if (versions == null) {
      throw Status.NOT_FOUND.withDescription("Secret [" + r.getParent() + "] not found.").asRuntimeException();
    }
    CRC32C crc = new CRC32C();
    crc.update(r.getPayload().getData().toByteArray());
    if (r.getPayload().hasDataCrc32C() && r.getPayload().getDataCrc32C() != crc.getValue()) {
      throw Status.INVALID_ARGUMENT.withDescription("Checksum mismatch.").asRuntimeException();
    }
    versions.add(r.getPayload());
    return SecretVersion.newBuilder().setName(r.getParent() + "/versions/" + versions.size()).build();
  }

  private AccessSecretVersionResponse access(AccessSecretVersionRequest r) {
    String secret = r.getName().substring(0, r.getName().indexOf("/versions/"));
    List<SecretPayload> versions = secrets.get(secret);
    if (versions == null || versions.isEmpty()) {
      throw Status.NOT_FOUND.withDescription("Secret [" + secret + "] not found or has no versions.")
          .asRuntimeException();
    }
    return AccessSecretVersionResponse.newBuilder().setName(secret + "/versions/" + versions.size())
        .setPayload(versions.get(versions.size() - 1)).build();
  }

  private Empty delete(DeleteSecretRequest r) {
    if (secrets.remove(r.getName()) == null) {
      throw Status.NOT_FOUND.withDescription("Secret [" + r.getName() + "] not found.").asRuntimeException();
    }
    return Empty.getDefaultInstance();
  }

  List<String> secretNames() {
    return new ArrayList<>(secrets.keySet());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
