package deactivate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// Batch history in the KV store.
//
// Keys are written once per batch and never shared, so two nodes recording
// batches at the same time cannot overwrite each other:
//
//	batch_<batch id>            the batch header: the Batch without its lists
//	bchunk_<batch id>_<part><n> the lists in chunks (see batch_chunks.go)
//	bidx_<user id>_<batch id>   marker that lists the batch under its caller
//
// A batch id is 9 base-36 digits of the creation time in milliseconds
// followed by 8 random characters, so ids sort by time as strings. Listing
// pages through KVList and keeps the keys with the caller's prefix.
//
// Retention: every key expires after batchRetention (KV expiry), and after
// each new batch the caller's batches beyond maxBatchesPerUser, oldest
// first, are deleted. Changes to a stored batch (undo) use compare-and-set.
const (
	batchKeyPrefix     = "batch_"
	batchIndexPrefix   = "bidx_"
	batchRetention     = 90 * 24 * time.Hour
	maxBatchesPerUser  = 100
	kvListPageSize     = 1000
	casRetries         = 5
	undoStaleAfter     = 5 * time.Minute
	batchIDTimeDigits  = 9
	batchIDRandomChars = 8
)

var errBatchNotFound = errors.New("batch not found")

// Batch is one confirmed `/deactivate` request and what it did.
type Batch struct {
	ID            string     `json:"id"`
	UserID        string     `json:"user_id"`
	CreatedAt     int64      `json:"created_at"`
	Source        string     `json:"source"` // "webapp" or "server"
	Command       string     `json:"command"`
	Targets       []PlanItem `json:"targets"`
	Outcomes      []Outcome  `json:"outcomes"`
	UndoStartedAt int64      `json:"undo_started_at,omitempty"`
	UndoneAt      int64      `json:"undone_at,omitempty"`
	UndoneBy      string     `json:"undone_by,omitempty"`
	UndoOutcomes  []Outcome  `json:"undo_outcomes,omitempty"`
}

// batchHeader is the value of a batch_ key. It has the Batch's fields
// without its lists, which are in chunk keys, and the number of chunks of
// each list. A header stored without Chunked carries its targets and
// outcomes inline.
type batchHeader struct {
	Batch
	Chunked       bool `json:"chunked,omitempty"`
	TargetChunks  int  `json:"target_chunks,omitempty"`
	OutcomeChunks int  `json:"outcome_chunks,omitempty"`
	UndoChunks    int  `json:"undo_chunks,omitempty"`
}

// canUndo reports whether the batch deactivated or disabled any account.
func (b *Batch) canUndo() bool {
	for _, outcome := range b.Outcomes {
		if outcome.Kind != "plugin" && (outcome.Result == resultDeactivated || outcome.Result == resultDisabled) {
			return true
		}
	}

	return false
}

func newBatchID(now time.Time) string {
	stamp := strconv.FormatInt(now.UnixMilli(), 36)
	stamp = strings.Repeat("0", max(0, batchIDTimeDigits-len(stamp))) + stamp

	return stamp + model.NewId()[:batchIDRandomChars]
}

func isValidBatchID(id string) bool {
	if len(id) != batchIDTimeDigits+batchIDRandomChars {
		return false
	}

	for _, r := range id {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') {
			return false
		}
	}

	return true
}

func batchKey(id string) string { return batchKeyPrefix + id }

func batchIndexKey(userID, id string) string {
	return batchIndexPrefix + userID + "_" + id
}

// saveNewBatch stores a batch under a fresh id and prunes the caller's old
// batches. The chunks are written before the header, so a reader that finds
// the header finds every chunk.
func (p *Plugin) saveNewBatch(batch *Batch) error {
	now := p.now()
	batch.ID = newBatchID(now)
	batch.CreatedAt = now.UnixMilli()
	expiry := int64(batchRetention / time.Second)

	header := batchHeader{Batch: *batch, Chunked: true}
	header.Targets, header.Outcomes, header.UndoOutcomes = nil, nil, nil

	var err error
	if header.TargetChunks, err = p.storeChunks(batch.ID, chunkTargets, batch.Targets, expiry); err == nil {
		header.OutcomeChunks, err = p.storeChunks(batch.ID, chunkOutcomes, batch.Outcomes, expiry)
	}
	if err != nil {
		p.deleteBatchChunks(&header)
		return fmt.Errorf("failed to store batch %s: %w", batch.ID, err)
	}

	encoded, err := json.Marshal(header)
	if err != nil {
		p.deleteBatchChunks(&header)
		return fmt.Errorf("failed to encode batch %s: %w", batch.ID, err)
	}

	created, appErr := p.API.KVSetWithOptions(batchKey(batch.ID), encoded,
		model.PluginKVSetOptions{Atomic: true, OldValue: nil, ExpireInSeconds: expiry})
	if appErr != nil || !created {
		p.deleteBatchChunks(&header)
	}
	if appErr != nil {
		return fmt.Errorf("failed to store batch %s: %w", batch.ID, appErr)
	}
	if !created {
		return fmt.Errorf("failed to store batch %s: the key already exists", batch.ID)
	}

	if err := p.kvSetExpiring(batchIndexKey(batch.UserID, batch.ID), []byte("1"), expiry); err != nil {
		return fmt.Errorf("failed to index batch %s: %w", batch.ID, err)
	}

	p.pruneBatches(batch.UserID)
	return nil
}

// deleteBatchChunks deletes the chunk keys that header counts.
func (p *Plugin) deleteBatchChunks(header *batchHeader) {
	p.deleteChunks(header.ID, chunkTargets, header.TargetChunks)
	p.deleteChunks(header.ID, chunkOutcomes, header.OutcomeChunks)
	p.deleteChunks(header.ID, chunkUndoOutcomes, header.UndoChunks)
}

// pruneBatches deletes a user's batches beyond maxBatchesPerUser. Deleting
// twice is harmless, so two nodes pruning at once need no coordination.
func (p *Plugin) pruneBatches(userID string) {
	ids, err := p.listBatchIDs(userID)
	if err != nil {
		p.API.LogWarn("Failed to list batches for pruning", "user_id", userID, "error", err.Error())
		return
	}

	for _, id := range ids[min(len(ids), maxBatchesPerUser):] {
		if header, _, err := p.getBatchHeader(id); err == nil {
			p.deleteBatchChunks(header)
		}
		if appErr := p.API.KVDelete(batchKey(id)); appErr != nil {
			p.API.LogWarn("Failed to delete an old batch", "batch_id", id, "error", appErr.Error())
			continue
		}
		if appErr := p.API.KVDelete(batchIndexKey(userID, id)); appErr != nil {
			p.API.LogWarn("Failed to delete an old batch index key", "batch_id", id, "error", appErr.Error())
		}
	}
}

// listBatchIDs returns a user's batch ids newest first, or every batch id
// when userID is empty.
func (p *Plugin) listBatchIDs(userID string) ([]string, error) {
	prefix := batchKeyPrefix
	if userID != "" {
		prefix = batchIndexPrefix + userID + "_"
	}

	var ids []string
	for page := 0; ; page++ {
		keys, appErr := p.API.KVList(page, kvListPageSize)
		if appErr != nil {
			return nil, fmt.Errorf("failed to list KV keys: %w", appErr)
		}

		for _, key := range keys {
			if id, ok := strings.CutPrefix(key, prefix); ok && isValidBatchID(id) {
				ids = append(ids, id)
			}
		}

		if len(keys) < kvListPageSize {
			break
		}
	}

	sort.Sort(sort.Reverse(sort.StringSlice(ids)))
	return ids, nil
}

// getBatchHeader loads a batch header and its stored bytes, for
// compare-and-set.
func (p *Plugin) getBatchHeader(id string) (*batchHeader, []byte, error) {
	raw, appErr := p.API.KVGet(batchKey(id))
	if appErr != nil {
		return nil, nil, fmt.Errorf("failed to load batch %s: %w", id, appErr)
	}
	if raw == nil {
		return nil, nil, errBatchNotFound
	}

	var header batchHeader
	if err := json.Unmarshal(raw, &header); err != nil {
		return nil, nil, fmt.Errorf("failed to decode batch %s: %w", id, err)
	}

	if p.now().Sub(time.UnixMilli(header.CreatedAt)) > batchRetention {
		return nil, nil, errBatchNotFound
	}

	return &header, raw, nil
}

// getBatch loads a batch with its lists.
func (p *Plugin) getBatch(id string) (*Batch, error) {
	header, _, err := p.getBatchHeader(id)
	if err != nil {
		return nil, err
	}

	return p.withLists(header)
}

// withLists returns the batch of header with the lists read from its chunks.
func (p *Plugin) withLists(header *batchHeader) (*Batch, error) {
	batch := header.Batch
	var err error
	if header.Chunked {
		if batch.Targets, err = loadChunks[PlanItem](p, batch.ID, chunkTargets, header.TargetChunks); err != nil {
			return nil, err
		}
		if batch.Outcomes, err = loadChunks[Outcome](p, batch.ID, chunkOutcomes, header.OutcomeChunks); err != nil {
			return nil, err
		}
	}
	if header.UndoChunks > 0 {
		if batch.UndoOutcomes, err = loadChunks[Outcome](p, batch.ID, chunkUndoOutcomes, header.UndoChunks); err != nil {
			return nil, err
		}
	}

	return &batch, nil
}

// listBatches returns one page of batches, newest first.
func (p *Plugin) listBatches(userID string, page, perPage int) ([]*Batch, error) {
	ids, err := p.listBatchIDs(userID)
	if err != nil {
		return nil, err
	}

	batches := []*Batch{}
	for _, id := range ids[min(len(ids), page*perPage):] {
		if len(batches) == perPage {
			break
		}

		batch, err := p.getBatch(id)
		if errors.Is(err, errBatchNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		batches = append(batches, batch)
	}

	return batches, nil
}

// updateBatchHeader applies change to the stored batch header with
// compare-and-set, retrying when another node changed it in between. change
// returns an error to abandon the update.
func (p *Plugin) updateBatchHeader(id string, change func(*batchHeader) error) (*batchHeader, error) {
	for attempt := 0; attempt < casRetries; attempt++ {
		header, raw, err := p.getBatchHeader(id)
		if err != nil {
			return nil, err
		}

		if err := change(header); err != nil {
			return nil, err
		}

		encoded, err := json.Marshal(header)
		if err != nil {
			return nil, fmt.Errorf("failed to encode batch %s: %w", id, err)
		}
		if bytes.Equal(encoded, raw) {
			return header, nil
		}

		saved, appErr := p.API.KVSetWithOptions(batchKey(id), encoded, model.PluginKVSetOptions{
			Atomic: true, OldValue: raw, ExpireInSeconds: p.remainingRetention(header),
		})
		if appErr != nil {
			return nil, fmt.Errorf("failed to update batch %s: %w", id, appErr)
		}
		if saved {
			return header, nil
		}
	}

	return nil, fmt.Errorf("failed to update batch %s: it kept changing during %d attempts", id, casRetries)
}

// remainingRetention returns the seconds until the keys of the batch
// expire, at least 1.
func (p *Plugin) remainingRetention(header *batchHeader) int64 {
	remaining := batchRetention - p.now().Sub(time.UnixMilli(header.CreatedAt))
	return max(1, int64(remaining/time.Second))
}
