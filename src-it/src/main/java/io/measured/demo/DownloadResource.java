package io.measured.demo;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;

/**
 * Streams {@code mb} megabytes of deterministic bytes, written as they are made: the kind of
 * response a timing filter that reads bodies would break.
 */
@Path("download")
public class DownloadResource {

    @GET
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public StreamingOutput download(@QueryParam("mb") @DefaultValue("32") int megabytes) {
        if (megabytes < 1 || megabytes > 256) {
            throw new BadRequestException("mb must be within 1 .. 256");
        }
        return output -> write(output, megabytes);
    }

    private static void write(OutputStream output, int megabytes) throws java.io.IOException {
        byte[] chunk = new byte[64 * 1024];
        DemoBytes bytes = new DemoBytes();
        long remaining = megabytes * 1024L * 1024L;
        while (remaining > 0) {
            int length = (int) Math.min(chunk.length, remaining);
            bytes.fill(chunk, length);
            output.write(chunk, 0, length);
            remaining -= length;
        }
    }
}
