package main

import (
	"bytes"
	"net/http"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"
)

type kvEntry struct {
	value []byte
	// expireAt is zero for a key without expiry.
	expireAt time.Time
}

// kvStore is one plugin's key-value store in memory, with the semantics of the
// server's PluginKeyValueStore table: an expired key reads as absent, an
// atomic set compares the stored value first, and a nil value deletes.
type kvStore struct {
	mu      sync.Mutex
	entries map[string]kvEntry
	now     func() time.Time
}

func newKVStore(now func() time.Time) *kvStore {
	return &kvStore{entries: map[string]kvEntry{}, now: now}
}

// current returns the live value of key, dropping it when it has expired.
func (s *kvStore) current(key string) ([]byte, bool) {
	entry, ok := s.entries[key]
	if !ok {
		return nil, false
	}
	if !entry.expireAt.IsZero() && !s.now().Before(entry.expireAt) {
		delete(s.entries, key)
		return nil, false
	}

	return entry.value, true
}

func validateKey(key string) *model.AppError {
	if key == "" || utf8.RuneCountInString(key) > model.KeyValueKeyMaxRunes {
		return model.NewAppError("KVSetWithOptions", "model.plugin_key_value.is_valid.key.app_error",
			map[string]any{"Max": model.KeyValueKeyMaxRunes, "Min": 0}, "key="+key, http.StatusBadRequest)
	}

	return nil
}

// setWithOptions implements KVSetWithOptions. With Atomic, the write happens
// only if the stored value equals OldValue, where a nil OldValue means the key
// must be absent. A nil value deletes the key. It returns whether it wrote.
func (s *kvStore) setWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError) {
	if appErr := options.IsValid(); appErr != nil {
		return false, appErr
	}
	if appErr := validateKey(key); appErr != nil {
		return false, appErr
	}

	s.mu.Lock()
	defer s.mu.Unlock()

	stored, exists := s.current(key)
	if options.Atomic {
		if options.OldValue == nil && exists {
			return false, nil
		}
		if options.OldValue != nil && (!exists || !bytes.Equal(stored, options.OldValue)) {
			return false, nil
		}
	}

	if value == nil {
		delete(s.entries, key)
		return true, nil
	}

	entry := kvEntry{value: bytes.Clone(value)}
	if options.ExpireInSeconds != 0 {
		entry.expireAt = s.now().Add(time.Duration(options.ExpireInSeconds) * time.Second)
	}
	s.entries[key] = entry

	return true, nil
}

func (s *kvStore) get(key string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()

	value, _ := s.current(key)
	return bytes.Clone(value)
}

func (s *kvStore) delete(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	delete(s.entries, key)
}

// list returns one page of live keys in key order, as the server's
// ListKeys query orders by PKey.
func (s *kvStore) list(page, perPage int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()

	keys := make([]string, 0, len(s.entries))
	for key := range s.entries {
		if _, ok := s.current(key); ok {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)

	start := min(len(keys), page*perPage)
	end := min(len(keys), start+perPage)
	return keys[start:end]
}
