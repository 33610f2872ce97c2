package deactivate

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
)

// A batch keeps its lists (targets, outcomes, undo outcomes) in chunk keys
// next to its header key, so no single KV value grows with the batch:
//
//	bchunk_<batch id>_<part><n>   JSON array, part t, o or u, n from 0
//
// Mattermost checks only the key length of a KV entry (150 runes), and the
// value is a MySQL mediumblob (16 MiB) or a PostgreSQL bytea. A compare-and-
// set sends the old and the new value in one statement, which MySQL's
// max_allowed_packet also bounds (4 MiB by default before MySQL 8.0). The
// header, the only value changed with compare-and-set, therefore holds no
// lists, and each chunk stays under maxChunkBytes.
const (
	batchChunkPrefix = "bchunk_"
	maxChunkBytes    = 256 << 10
)

// Chunk parts of a batch.
const (
	chunkTargets      = "t"
	chunkOutcomes     = "o"
	chunkUndoOutcomes = "u"
)

func batchChunkKey(batchID, part string, index int) string {
	return batchChunkPrefix + batchID + "_" + part + strconv.Itoa(index)
}

// encodeChunks encodes items as JSON arrays of at most maxBytes each. An
// item larger than maxBytes on its own gets a chunk of its own.
func encodeChunks[T any](items []T, maxBytes int) ([][]byte, error) {
	var chunks [][]byte
	current := []byte{'['}
	for i := range items {
		encoded, err := json.Marshal(items[i])
		if err != nil {
			return nil, err
		}

		if len(current) > 1 && len(current)+len(encoded)+2 > maxBytes {
			chunks = append(chunks, append(current, ']'))
			current = []byte{'['}
		}
		if len(current) > 1 {
			current = append(current, ',')
		}
		current = append(current, encoded...)
	}

	if len(current) > 1 {
		chunks = append(chunks, append(current, ']'))
	}

	return chunks, nil
}

// storeChunks writes the chunks of one part of a batch, each expiring after
// expireInSeconds, and returns how many it wrote.
func (p *Plugin) storeChunks(batchID, part string, items any, expireInSeconds int64) (int, error) {
	var chunks [][]byte
	var err error
	switch list := items.(type) {
	case []PlanItem:
		chunks, err = encodeChunks(list, maxChunkBytes)
	case []Outcome:
		chunks, err = encodeChunks(list, maxChunkBytes)
	default:
		err = fmt.Errorf("no chunk encoding for %T", items)
	}
	if err != nil {
		return 0, fmt.Errorf("failed to encode part %s of batch %s: %w", part, batchID, err)
	}

	for i, chunk := range chunks {
		if err := p.kvSetExpiring(batchChunkKey(batchID, part, i), chunk, expireInSeconds); err != nil {
			return i, err
		}
	}

	return len(chunks), nil
}

func (p *Plugin) kvSetExpiring(key string, value []byte, expireInSeconds int64) error {
	_, appErr := p.API.KVSetWithOptions(key, value, model.PluginKVSetOptions{ExpireInSeconds: expireInSeconds})
	if appErr != nil {
		return fmt.Errorf("failed to store %s: %w", key, appErr)
	}

	return nil
}

// loadChunks reads count chunks of one part of a batch and joins them.
func loadChunks[T any](p *Plugin, batchID, part string, count int) ([]T, error) {
	items := []T{}
	for i := 0; i < count; i++ {
		key := batchChunkKey(batchID, part, i)
		raw, appErr := p.API.KVGet(key)
		if appErr != nil {
			return nil, fmt.Errorf("failed to load %s: %w", key, appErr)
		}
		if raw == nil {
			return nil, fmt.Errorf("failed to load %s: the chunk is missing", key)
		}

		var chunk []T
		if err := json.Unmarshal(raw, &chunk); err != nil {
			return nil, fmt.Errorf("failed to decode %s: %w", key, err)
		}
		items = append(items, chunk...)
	}

	return items, nil
}

// deleteChunks deletes count chunks of one part of a batch and logs the
// keys it could not delete. KV expiry removes those later.
func (p *Plugin) deleteChunks(batchID, part string, count int) {
	for i := 0; i < count; i++ {
		key := batchChunkKey(batchID, part, i)
		if appErr := p.API.KVDelete(key); appErr != nil {
			p.API.LogWarn("Failed to delete a batch chunk", "key", key, "error", appErr.Error())
		}
	}
}
