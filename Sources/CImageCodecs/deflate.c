#include "ImageCodecs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

int hl_inflate_raw(const uint8_t *data, size_t size, size_t max_size, uint8_t **out,
                   size_t *out_size, char error[HL_ERROR_SIZE]) {
  z_stream stream;
  memset(&stream, 0, sizeof(stream));
  *out = NULL;
  *out_size = 0;
  error[0] = 0;
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    snprintf(error, HL_ERROR_SIZE, "deflate: cannot start the decoder");
    return 1;
  }
  size_t capacity = size * 4 + 1024;
  if (capacity > max_size) capacity = max_size;
  uint8_t *buffer = malloc(capacity);
  if (!buffer) {
    inflateEnd(&stream);
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    return 1;
  }
  stream.next_in = (Bytef *)data;
  size_t consumed = 0;
  size_t produced = 0;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (produced == capacity) {
      if (capacity >= max_size) {
        free(buffer);
        inflateEnd(&stream);
        snprintf(error, HL_ERROR_SIZE, "deflate: data expands beyond the %zu bytes allowed",
                 max_size);
        return 1;
      }
      size_t grown_capacity = capacity * 2 > max_size ? max_size : capacity * 2;
      uint8_t *grown = realloc(buffer, grown_capacity);
      if (!grown) {
        free(buffer);
        inflateEnd(&stream);
        snprintf(error, HL_ERROR_SIZE, "out of memory");
        return 1;
      }
      buffer = grown;
      capacity = grown_capacity;
    }
    size_t chunk_in = size - consumed > 1u << 30 ? 1u << 30 : size - consumed;
    size_t chunk_out = capacity - produced > 1u << 30 ? 1u << 30 : capacity - produced;
    stream.next_in = (Bytef *)(data + consumed);
    stream.avail_in = (uInt)chunk_in;
    stream.next_out = buffer + produced;
    stream.avail_out = (uInt)chunk_out;
    status = inflate(&stream, Z_NO_FLUSH);
    consumed += chunk_in - stream.avail_in;
    produced += chunk_out - stream.avail_out;
    if (status == Z_BUF_ERROR && consumed == size && produced < capacity) {
      free(buffer);
      inflateEnd(&stream);
      snprintf(error, HL_ERROR_SIZE, "deflate: stream is truncated");
      return 1;
    }
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
      free(buffer);
      inflateEnd(&stream);
      snprintf(error, HL_ERROR_SIZE, "deflate: %s", stream.msg ? stream.msg : "corrupt stream");
      return 1;
    }
  }
  inflateEnd(&stream);
  *out = buffer;
  *out_size = produced;
  return 0;
}

int hl_deflate_raw(const uint8_t *data, size_t size, uint8_t **out, size_t *out_size,
                   char error[HL_ERROR_SIZE]) {
  z_stream stream;
  memset(&stream, 0, sizeof(stream));
  *out = NULL;
  *out_size = 0;
  error[0] = 0;
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    snprintf(error, HL_ERROR_SIZE, "deflate: cannot start the encoder");
    return 1;
  }
  size_t capacity = deflateBound(&stream, (uLong)size);
  uint8_t *buffer = malloc(capacity);
  if (!buffer) {
    deflateEnd(&stream);
    snprintf(error, HL_ERROR_SIZE, "out of memory");
    return 1;
  }
  stream.next_in = (Bytef *)data;
  stream.avail_in = (uInt)size;
  stream.next_out = buffer;
  stream.avail_out = (uInt)capacity;
  int status = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) {
    free(buffer);
    snprintf(error, HL_ERROR_SIZE, "deflate: could not compress");
    return 1;
  }
  *out = buffer;
  *out_size = capacity - stream.avail_out;
  return 0;
}
