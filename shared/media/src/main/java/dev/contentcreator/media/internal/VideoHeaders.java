package dev.contentcreator.media.internal;

import dev.contentcreator.media.MediaRejectedException;
import dev.contentcreator.media.MediaRejectedException.Reason;
import dev.contentcreator.media.MediaType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.containers.mkv.MKVParser;
import org.jcodec.containers.mkv.MKVType;
import org.jcodec.containers.mkv.boxes.EbmlBase;
import org.jcodec.containers.mkv.boxes.EbmlFloat;
import org.jcodec.containers.mkv.boxes.EbmlMaster;
import org.jcodec.containers.mkv.boxes.EbmlUint;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.tools.ByteBufferByteChannel;

/** Reads a video's duration and frame size from its container: mp4parser for MP4, jcodec for WebM. */
public final class VideoHeaders {
  private static final long DEFAULT_WEBM_TIMECODE_SCALE_NS = 1_000_000L;

  private VideoHeaders() {}

  /** What the container says; width and height are 0 when there is no video track. */
  public record Header(int width, int height, Optional<Duration> duration) {}

  public static Header read(MediaType type, byte[] bytes) {
    try {
      return switch (type) {
        case MP4 -> mp4(bytes);
        case WEBM -> webm(bytes);
        default -> throw new IllegalArgumentException("not a video type: " + type);
      };
    } catch (MediaRejectedException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new MediaRejectedException(Reason.UNREADABLE, "This " + type.name()
          + " file is truncated or corrupt: its container cannot be read (" + e + ").", e);
    }
  }

  private static Header mp4(byte[] bytes) throws Exception {
    try (IsoFile iso = new IsoFile(new ByteBufferByteChannel(ByteBuffer.wrap(bytes)))) {
      MovieBox moov = iso.getMovieBox();
      if (moov == null || moov.getMovieHeaderBox() == null) {
        throw new MediaRejectedException(Reason.UNREADABLE,
            "This MP4 file is truncated or corrupt: it has no movie header (moov box).");
      }
      MovieHeaderBox mvhd = moov.getMovieHeaderBox();
      Optional<Duration> duration = mvhd.getTimescale() > 0 && mvhd.getDuration() > 0
          ? Optional.of(Duration.ofNanos(Math.round(mvhd.getDuration() * 1e9 / mvhd.getTimescale())))
          : Optional.empty();
      for (TrackBox track : moov.getBoxes(TrackBox.class)) {
        if (track.getMediaBox() != null && track.getMediaBox().getHandlerBox() != null
            && "vide".equals(track.getMediaBox().getHandlerBox().getHandlerType())
            && track.getTrackHeaderBox() != null) {
          return new Header((int) track.getTrackHeaderBox().getWidth(), (int) track.getTrackHeaderBox().getHeight(),
              duration);
        }
      }
      return new Header(0, 0, duration);
    }
  }

  private static Header webm(byte[] bytes) throws Exception {
    List<EbmlMaster> tree = new MKVParser(ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(bytes)))
        .parse();
    if (MKVType.findFirstTree(tree, new MKVType[] {MKVType.Segment}) == null) {
      throw new MediaRejectedException(Reason.UNREADABLE, "This WebM file is truncated or corrupt: it has no segment.");
    }
    EbmlUint scale = MKVType.findFirstTree(tree, new MKVType[] {MKVType.Segment, MKVType.Info, MKVType.TimecodeScale});
    EbmlFloat length = MKVType.findFirstTree(tree, new MKVType[] {MKVType.Segment, MKVType.Info, MKVType.Duration});
    long scaleNs = scale == null ? DEFAULT_WEBM_TIMECODE_SCALE_NS : scale.getUint();
    Optional<Duration> duration = length == null || !(length.getDouble() > 0)
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.round(length.getDouble() * scaleNs)));
    List<EbmlMaster> entries = MKVType.findList(tree, EbmlMaster.class,
        new MKVType[] {MKVType.Segment, MKVType.Tracks, MKVType.TrackEntry});
    for (EbmlMaster entry : entries) {
      EbmlBase w = MKVType.findFirst(entry, new MKVType[] {MKVType.TrackEntry, MKVType.Video, MKVType.PixelWidth});
      EbmlBase h = MKVType.findFirst(entry, new MKVType[] {MKVType.TrackEntry, MKVType.Video, MKVType.PixelHeight});
      if (w instanceof EbmlUint width && h instanceof EbmlUint height) {
        return new Header(Math.toIntExact(width.getUint()), Math.toIntExact(height.getUint()), duration);
      }
    }
    return new Header(0, 0, duration);
  }
}
