package main

import (
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

func TestKVAtomicInsertOnce(t *testing.T) {
	store := newKVStore(time.Now)
	insert := model.PluginKVSetOptions{Atomic: true, OldValue: nil}

	if ok, appErr := store.setWithOptions("k", []byte("a"), insert); !ok || appErr != nil {
		t.Fatalf("the first insert returned %v, %v", ok, appErr)
	}
	if ok, _ := store.setWithOptions("k", []byte("b"), insert); ok {
		t.Error("a second insert of an existing key succeeded")
	}
	if got := string(store.get("k")); got != "a" {
		t.Errorf("the value is %q, want a", got)
	}
}

func TestKVCompareAndDelete(t *testing.T) {
	store := newKVStore(time.Now)
	store.setWithOptions("k", []byte("a"), model.PluginKVSetOptions{})

	stale := model.PluginKVSetOptions{Atomic: true, OldValue: []byte("x")}
	if ok, _ := store.setWithOptions("k", nil, stale); ok {
		t.Error("a delete with a stale old value succeeded")
	}

	current := model.PluginKVSetOptions{Atomic: true, OldValue: []byte("a")}
	if ok, _ := store.setWithOptions("k", nil, current); !ok {
		t.Error("a delete with the current old value failed")
	}
	if ok, _ := store.setWithOptions("k", nil, current); ok {
		t.Error("a second compare-and-delete succeeded")
	}
	if store.get("k") != nil {
		t.Error("the key is still there")
	}
}

func TestKVExpiryHidesKey(t *testing.T) {
	now := time.Unix(1000, 0)
	store := newKVStore(func() time.Time { return now })
	store.setWithOptions("k", []byte("a"), model.PluginKVSetOptions{ExpireInSeconds: 60})

	now = now.Add(59 * time.Second)
	if store.get("k") == nil {
		t.Fatal("the key expired early")
	}

	now = now.Add(time.Second)
	if store.get("k") != nil {
		t.Error("the key is readable after its expiry")
	}
	if keys := store.list(0, 10); len(keys) != 0 {
		t.Errorf("KVList lists expired keys: %v", keys)
	}
	insert := model.PluginKVSetOptions{Atomic: true, OldValue: nil}
	if ok, _ := store.setWithOptions("k", []byte("b"), insert); !ok {
		t.Error("an insert over an expired key failed")
	}
}

func TestKVRejectsOldValueWithoutAtomic(t *testing.T) {
	store := newKVStore(time.Now)
	_, appErr := store.setWithOptions("k", []byte("a"), model.PluginKVSetOptions{OldValue: []byte("x")})
	if appErr == nil || appErr.Id != "model.plugin_kvset_options.is_valid.old_value.app_error" {
		t.Errorf("the error is %v", appErr)
	}
}

func TestKVListPagesInKeyOrder(t *testing.T) {
	store := newKVStore(time.Now)
	for _, key := range []string{"c", "a", "b"} {
		store.setWithOptions(key, []byte("1"), model.PluginKVSetOptions{})
	}

	if got := store.list(0, 2); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("page 0 is %v, want [a b]", got)
	}
	if got := store.list(1, 2); len(got) != 1 || got[0] != "c" {
		t.Errorf("page 1 is %v, want [c]", got)
	}
}
